using Microsoft.AspNetCore.Components;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// <c>@onqueueselect</c>: a click in the queue list, with the row it chose (registered as a custom
/// event type in <c>wwwroot/DigitalAlmaty.Web.lib.module.js</c>). One handler on the list serves every
/// row. The Razor compiler only finds custom events on a class named exactly <c>EventHandlers</c>.
/// </summary>
[EventHandler("onqueueselect", typeof(QueueSelectEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
