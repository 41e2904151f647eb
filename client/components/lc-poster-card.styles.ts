/**
 * Poster card styles. Every size is in container units (cqmin: 1% of the card's shorter
 * side), so the card reads the same on a 1920×1080 screen, a portrait tablet, a tile of
 * two, or a small preview in the planner. Colours pass WCAG AAA (7:1) on their backgrounds.
 */
import { css } from 'lit';

export const posterCardStyles = css`
  :host {
    display: block;
    container-type: size;
    overflow: hidden;
    box-sizing: border-box;
    min-height: 0;
    min-width: 0;
    height: 100%;
    background: #fff;
    color: #0f1b2d;
    border: 0.5cqmin solid #14325c;
    border-radius: 2.4cqmin;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
  }
  article {
    display: flex;
    flex-direction: column;
    height: 100%;
    box-sizing: border-box;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 3cqmin;
    padding: 1.8cqmin 3.5cqmin;
    background: #14325c;
    color: #fff;
  }
  h2 {
    margin: 0;
    font-size: 6cqmin;
    line-height: 1.1;
    font-weight: 800;
    overflow-wrap: anywhere;
  }
  .subject {
    flex: none;
    padding: 0.6cqmin 2.4cqmin;
    border-radius: 99cqmin;
    background: #ffd166;
    color: #0f1b2d;
    font-size: 4cqmin;
    font-weight: 700;
  }
  .body {
    flex: 1 1 0;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 2cqmin;
    padding: 2.4cqmin 3.5cqmin 3cqmin;
  }
  .theme {
    margin: 0;
    font-size: 4.4cqmin;
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  .theme strong {
    color: #14325c;
    font-weight: 800;
  }
  /* The one flexible part: its height is what is left, and the text is fitted into it. */
  .fit {
    flex: 1 1 0;
    min-height: 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  .fit > * {
    margin-block: auto;
  }
  .prompt {
    margin: 0;
    font-weight: 700;
    line-height: 1.18;
    overflow-wrap: anywhere;
    hyphens: manual;
  }
  .prompt::before {
    content: '“' / '';
    color: #14325c;
  }
  .prompt::after {
    content: '”' / '';
    color: #14325c;
  }
  .ask, .extension {
    margin: 0;
    font-size: 3.6cqmin;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .ask {
    padding: 1.2cqmin 2cqmin;
    border-radius: 1.6cqmin;
    background: #fff3cc;
    color: #0f1b2d;
  }
  .extension {
    color: #3d4656;
  }
  .label {
    font-weight: 800;
    color: #14325c;
  }
  .message h3 {
    margin: 0 0 0.4em;
    font-size: 1.6em;
    line-height: 1.1;
    color: #14325c;
    font-weight: 800;
  }
  .message p {
    margin: 0;
    line-height: 1.3;
  }
  .week h3 {
    margin: 0.6em 0 0.3em;
    font-size: 1em;
    color: #14325c;
  }
  .week ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .week li {
    margin: 0.25em 0;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .week .day {
    font-weight: 800;
  }
`;
