import { css } from 'lit';

export const dayEditorStyles = css`
  :host { display: block; }
  section { background: #fff; border: 1px solid var(--lc-line, #c9cfd8); border-radius: var(--lc-radius, 12px); padding: 1rem 1.25rem 1.25rem; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; border-bottom: 1px solid var(--lc-line, #c9cfd8); padding-bottom: 0.5rem; }
  h3 { margin: 0; font-size: 1.2rem; flex: 1 1 auto; }
  .grid { display: grid; gap: 0 1.5rem; grid-template-columns: minmax(0, 1fr); }
  @media (min-width: 60rem) { .grid { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 0.75rem; }
  .hint { font-size: 0.9rem; color: var(--lc-muted, #4a5568); margin: 0.2rem 0 0; }
  .blank { font-style: italic; }
  fieldset { border: 0; padding: 0; margin: 0.75rem 0 0; min-width: 0; }
  legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
  .choice { display: inline-flex; align-items: center; gap: 0.4rem; margin: 0 1rem 0 0; font-weight: 400; }
  .choice input { width: auto; min-height: 0; inline-size: 1.3rem; block-size: 1.3rem; }
  .issues { margin: 0.3rem 0 0; padding: 0; list-style: none; }
  .issues li { margin: 0.15rem 0; padding-left: 1.4rem; position: relative; }
  .issues li.error::before { content: '✖'; position: absolute; left: 0; }
  .issues li.warning::before { content: '⚠'; position: absolute; left: 0; }
  [aria-invalid='true'] { border-color: var(--lc-error, #a3161b); }
  .suggestions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.4rem 0 0; padding: 0; list-style: none; }
  .suggestions button {
    background: #eef3fb; color: var(--lc-navy, #14325c); border: 1px solid #9fb3d1; font-weight: 500;
    text-align: left; min-height: 40px; padding: 0.35rem 0.7rem; border-radius: 999px;
  }
  .suggestions button:hover { background: #dde7f6; }
  details { margin-top: 0.3rem; }
  summary { cursor: pointer; padding: 0.3rem 0; }
  .extension { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.4rem; }
  .extension input { flex: 1 1 auto; }
  .extension button { flex: 0 0 auto; }
  .small { font-size: 0.9rem; padding: 0.3rem 0.7rem; min-height: 40px; }
  .counter { font-size: 0.85rem; color: var(--lc-muted, #4a5568); text-align: right; margin: 0.15rem 0 0; }
`;
