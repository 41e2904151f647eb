/** Entry point: the app shell decides which view this device or person gets. */
import './views/lc-app.ts';
