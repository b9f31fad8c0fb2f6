// The background owns storage and hands compiled packs to content scripts (issue 4).
// For now it only wires the extension's lifecycle.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Built-in packs are installed here once the pack store lands (issue 4).
  });
});
