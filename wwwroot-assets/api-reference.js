// The open API's reference page (/api): Scalar's standalone script (served by the portal from
// /api/reference/scalar.js, never a CDN) draws the OpenAPI document the page names. Loaded before
// Scalar's script: Zod, inside it, otherwise probes for eval, which the page's policy refuses. The
// element is not "api-reference": Scalar mounts itself on that id, without this configuration.
globalThis.__zod_globalConfig = { jitless: true };

document.addEventListener('DOMContentLoaded', function () {
    var host = document.getElementById('open-api-reference');
    if (!host || !window.Scalar || typeof window.Scalar.createApiReference !== 'function') {
        return;
    }

    window.Scalar.createApiReference(host, {
        sources: [{ url: host.getAttribute('data-document'), title: host.getAttribute('data-title'), slug: 'v1', default: true }],
        withDefaultFonts: false,
        showDeveloperTools: 'never',
        telemetry: false,
        agent: { disabled: true },
        mcp: { disabled: true }
    });
});
