using Bunit;
using DigitalAlmaty.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Components;

/// <summary>
/// When a circuit ends while a call to the page's script is still on its way (a tab closed just as
/// an editor's fields were leaving the page), the framework cancels the call. Detaching the field's
/// and the draft keeper's scripts must take that in its stride: otherwise every such circuit is
/// logged as "Unhandled exception in circuit" (bench/load.sh found thousands in five minutes).
/// </summary>
public sealed class ScriptDetachTests : BunitContext, IAsyncLifetime
{
    public ScriptDetachTests()
    {
        Services.AddSingleton(TimeProvider.System);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public async Task LongTextInput_WhoseDetachIsCanceled_DisposesQuietly()
    {
        var module = JSInterop.SetupModule("./Components/Shared/LongTextInput.razor.js");
        module.SetupVoid("attach", _ => true).SetVoidResult();
        module.SetupVoid("setValue", _ => true).SetVoidResult();
        module.SetupVoid("detach", _ => true).SetException(new TaskCanceledException());
        var field = Render<LongTextInput>(p => p.Add(x => x.Id, "goal").Add(x => x.Value, "Текст"));
        Assert.NotEmpty(module.Invocations["attach"]);

        await field.Instance.DisposeAsync();

        Assert.NotEmpty(module.Invocations["detach"]);
    }

    [Fact]
    public async Task DraftKeeper_WhoseDetachIsCanceled_DisposesQuietly()
    {
        var module = JSInterop.SetupModule("./Components/Shared/DraftKeeper.razor.js");
        module.Setup<string[]>("attach", _ => true).SetResult([]);
        module.SetupVoid("detach", _ => true).SetException(new TaskCanceledException());
        var keeper = Render<DraftKeeper>(p => p.Add(x => x.StorageKey, "ideas:new:test"));
        Assert.NotEmpty(module.Invocations["attach"]);

        await keeper.Instance.DisposeAsync();

        Assert.NotEmpty(module.Invocations["detach"]);
    }
}
