/** Styles of the in-page export panel; scoped by its shadow root, so the page's CSS never leaks in. */
export const PANEL_CSS = `
:host { all: initial; }
.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 360px; max-height: 70vh;
  display: flex; flex-direction: column; background: #fff; color: #172b4d;
  border: 1px solid #dfe1e6; border-radius: 6px; box-shadow: 0 8px 24px rgba(9, 30, 66, 0.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid #ebecf0; font-weight: 600; }
header .title { flex: 1; }
.body { padding: 10px 12px; overflow: auto; }
.phase { margin-bottom: 6px; }
.counts { color: #5e6c84; font-size: 12px; }
progress { width: 100%; height: 8px; margin: 6px 0; accent-color: #0052cc; }
ul.tree { list-style: none; margin: 0; padding-left: 0; }
ul.tree ul { list-style: none; padding-left: 18px; margin: 0; }
ul.tree label { display: flex; gap: 6px; align-items: baseline; padding: 1px 0; cursor: pointer; }
.controls { display: flex; gap: 8px; align-items: center; padding: 10px 12px; border-top: 1px solid #ebecf0; }
.controls .spacer { flex: 1; }
button { font: inherit; padding: 5px 12px; border-radius: 3px; border: 1px solid transparent; cursor: pointer; background: #f4f5f7; color: #172b4d; }
button.primary { background: #0052cc; color: #fff; }
button:focus-visible { outline: 2px solid #4c9aff; outline-offset: 1px; }
.warnings { margin: 6px 0 0; padding-left: 18px; color: #974f0c; font-size: 12px; }
.error { color: #bf2600; }
select { font: inherit; }
`;
