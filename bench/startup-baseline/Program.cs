var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => Results.Content("<!doctype html><title>Almaty</title><p>Сәлем</p>", "text/html; charset=utf-8"));
await app.RunAsync();
