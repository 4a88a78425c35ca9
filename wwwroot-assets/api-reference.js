// The open API's reference page (/api): Scalar's standalone script (served by the portal from
// /api/reference/scalar.js, never a CDN) draws the OpenAPI document named by the page.
(function () {
    var host = document.getElementById('api-reference');
    if (!host || !window.Scalar || typeof window.Scalar.createApiReference !== 'function') {
        return;
    }

    window.Scalar.createApiReference('#api-reference', {
        url: host.getAttribute('data-document'),
        title: host.getAttribute('data-title'),
        withDefaultFonts: false,
        hideClientButton: false,
        telemetry: false,
        agent: { disabled: true },
        mcp: { disabled: true },
        showDeveloperTools: 'never',
        hideDarkModeToggle: false
    });
})();
