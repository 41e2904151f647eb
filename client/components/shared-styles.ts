/** Form and button styles shared by staff-facing views: big targets, visible focus, AA contrast. */
import { css } from 'lit';

export const formStyles = css`
  :host { font: inherit; color: var(--lc-ink, #0f1b2d); }
  button, .button {
    font: inherit; font-weight: 600; min-height: 44px; min-width: 44px; padding: 0.5rem 1rem;
    border-radius: 10px; border: 2px solid var(--lc-navy, #14325c); background: var(--lc-navy, #14325c);
    color: #fff; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
  }
  button.secondary, .button.secondary { background: #fff; color: var(--lc-navy, #14325c); }
  button.danger { background: #fff; color: var(--lc-error, #a3161b); border-color: var(--lc-error, #a3161b); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible {
    outline: 3px solid var(--lc-focus, #1f6feb); outline-offset: 2px;
  }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  input, select, textarea {
    font: inherit; width: 100%; box-sizing: border-box; min-height: 44px; padding: 0.5rem 0.75rem;
    border: 2px solid #6b7785; border-radius: 8px; background: #fff; color: inherit;
  }
  input[type='checkbox'] { width: auto; min-height: 0; inline-size: 1.4rem; block-size: 1.4rem; }
  textarea { min-height: 5rem; resize: vertical; }
  .error { color: var(--lc-error, #a3161b); font-weight: 600; }
  .warning { color: var(--lc-warn, #8a4b00); }
  .muted { color: var(--lc-muted, #4a5568); }
  .card { background: #fff; border: 1px solid var(--lc-line, #c9cfd8); border-radius: var(--lc-radius, 12px); padding: 1rem 1.25rem; }
  .row { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  h1, h2, h3 { color: var(--lc-navy, #14325c); line-height: 1.2; }
  table { border-collapse: collapse; }
  th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--lc-line, #c9cfd8); }
`;
