using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>One portal on a loopback port with the whole XSS corpus in every text field, shared by the HTTP and browser checks.</summary>
public sealed class XssCorpusFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public XssCorpusSeed Seed { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        BaseAddress = Portal.StartKestrel();
        Seed = new XssCorpusSeed(Portal);
        await Seed.RunAsync();
    }

    /// <summary>A client of the real server (no cookies kept unless signed in by the caller).</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}
