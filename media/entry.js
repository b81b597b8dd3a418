// Entry page script (runs in the webview under a nonce CSP). Links never navigate: a click
// posts the link's index (external) or entry id (related) to the extension, which decides.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('a[data-link], a[data-entry]') : null;
    if (!target) return;
    event.preventDefault();
    if (target.hasAttribute('data-link')) vscode.postMessage({ type: 'openLink', index: Number(target.getAttribute('data-link')) });
    else vscode.postMessage({ type: 'openEntry', id: target.getAttribute('data-entry') });
  });
})();
