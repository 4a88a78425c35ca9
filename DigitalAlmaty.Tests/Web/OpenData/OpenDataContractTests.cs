using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Publications;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web.OpenData;

/// <summary>
/// The contract cannot drift from the code: every operation of /openapi/v1.json is called with real
/// data, and each answer (successes and errors) is validated with JsonSchema.Net against the schema the
/// document gives for that operation, status and media type. Component schemas are closed
/// (additionalProperties: false) for the check, so a field the code sends and the document does not
/// describe fails too, as does a documented required field the code leaves out.
/// </summary>
public sealed class OpenDataContractTests(OpenDataContractTests.Fixture fixture) : IClassFixture<OpenDataContractTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        private readonly Lazy<Task<Seeded>> _seeded;

        public Fixture() => _seeded = new(SeedAsync);

        public Task<Seeded> SeededAsync() => _seeded.Value;

        private async Task<Seeded> SeedAsync()
        {
            var (author, _) = await NewUserAsync("Гүлнар Келісімшарт");
            var seed = new SubmissionSeed(this);
            var idea = await seed.IdeaAsync(author, "Карта парковок для контракта", Submit(author), Approve());
            await seed.IdeaAsync(author, "Вторая идея для курсора", Submit(author), Approve());
            var cityEvent = await seed.EventAsync(author, "Встреча о контракте API", Submit(author), Approve());
            using var scope = Services.CreateScope();
            var publications = scope.ServiceProvider.GetRequiredService<PublicationService>();
            var editor = await StaffPrincipalAsync("Editor");
            var created = await publications.SaveAsync(editor, null, PublicationKind.News,
                [new("ru", "Новость для контракта", "Кратко.", "Текст **новости**."), new("kk", "Келісімшарт жаңалығы", "Қысқаша.", "Жаңалық **мәтіні**."), new("en", string.Empty, string.Empty, string.Empty)], null, []);
            Assert.True(created.Succeeded, created.ErrorCode);
            Assert.True((await publications.PublishNowAsync(editor, created.Id!.Value)).Succeeded);
            return new Seeded(idea.Id, cityEvent.Id, created.Id.Value);
        }
    }

    public sealed record Seeded(Guid Idea, Guid Event, Guid News);

    private static readonly Guid Unknown = Guid.Parse("0f0f0f0f-0000-4000-8000-000000000000");

    /// <summary>Each operation of the document with the requests that exercise it and the status each must answer.</summary>
    private static Dictionary<string, (string Url, int Status)[]> Calls(Seeded seeded) => new()
    {
        ["listIdeas"] = [("/api/v1/ideas?limit=1", 200), ("/api/v1/ideas?category=transport&tag=парковки&culture=kk-KZ", 200), ("/api/v1/ideas?status=under-consideration", 200), ("/api/v1/ideas?category=nope", 400)],
        ["getIdea"] = [($"/api/v1/ideas/{seeded.Idea}?culture=en-US", 200), ($"/api/v1/ideas/{Unknown}", 404)],
        ["listEvents"] = [("/api/v1/events", 200), ("/api/v1/events?when=past", 200), ("/api/v1/events?when=later", 400)],
        ["getEvent"] = [($"/api/v1/events/{seeded.Event}?culture=kk-KZ", 200), ($"/api/v1/events/{Unknown}", 404)],
        ["listPublications"] = [("/api/v1/publications?kind=news&culture=kk-KZ", 200), ("/api/v1/publications?kind=report", 200), ("/api/v1/publications?cursor=%%%", 400)],
        ["getPublication"] = [($"/api/v1/publications/{seeded.News}?culture=kk-KZ", 200), ($"/api/v1/publications/{Unknown}", 404)],
        ["search"] = [("/api/v1/search?q=парковок", 200), ("/api/v1/search?q=", 400)],
    };

    [Fact]
    public async Task EveryOperation_AnswersWhatTheDocumentSays()
    {
        var seeded = await fixture.SeededAsync();
        using var client = fixture.CreatePortalClient();
        using var documentResponse = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, documentResponse.StatusCode);
        var document = JsonNode.Parse(await documentResponse.Content.ReadAsStringAsync())!.AsObject();
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);

        var operations = Operations(document);
        var calls = Calls(seeded);
        Assert.Equal(operations.Keys.Order(), calls.Keys.Order());

        var failures = new List<string>();
        foreach (var (operationId, requests) in calls)
        {
            var operation = operations[operationId];
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{operationId} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{operationId} has no description");
            foreach (var (url, status) in requests)
            {
                using var response = await client.GetAsync(url);
                Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode}, expected {status}");
                var mediaType = response.Content.Headers.ContentType!.MediaType!;
                var schema = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[mediaType]?["schema"];
                Assert.True(schema is not null, $"{operationId}: the document has no {mediaType} schema for {status}");
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var result = Build(schema, document).Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
                if (!result.IsValid)
                {
                    failures.Add($"{url} ({status}): " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                        .Select(d => $"{d.InstanceLocation} {string.Join(", ", d.Errors!.Values)}")));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // The check itself is live: an answer with an undocumented field, or without a documented one, fails it.
        var idea = JsonNode.Parse(await client.GetStringAsync($"/api/v1/ideas/{seeded.Idea}"))!.AsObject();
        var ideaSchema = operations["getIdea"]["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var extra = idea.DeepClone().AsObject();
        extra["authorEmail"] = "someone@example.kz";
        var missing = idea.DeepClone().AsObject();
        missing.Remove("attribution");
        foreach (var drifted in new[] { extra, missing })
        {
            using var body = JsonDocument.Parse(drifted.ToJsonString());
            Assert.False(Build(ideaSchema, document).Evaluate(body.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid, drifted.ToJsonString());
        }
    }

    [Fact]
    public async Task TheDocument_DescribesEveryField_WithAnExampleWhereAReaderNeedsOne()
    {
        using var client = fixture.CreatePortalClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();

        foreach (var (name, schema) in schemas.Where(s => s.Key.StartsWith("Api", StringComparison.Ordinal)))
        {
            Assert.False(string.IsNullOrWhiteSpace(schema!["description"]?.GetValue<string>()), $"{name} has no description");
            foreach (var (property, definition) in schema["properties"]!.AsObject())
            {
                // A nullable object is "oneOf: null or the object", its description on the object's branch.
                var description = definition!["description"] ?? definition["oneOf"]?.AsArray().Select(b => b?["description"]).FirstOrDefault(d => d is not null);
                Assert.False(string.IsNullOrWhiteSpace(description?.GetValue<string>()), $"{name}.{property} has no description");
            }
        }

        Assert.NotNull(schemas["ApiIdeaSummary"]!["properties"]!["publishedAtAlmaty"]!["examples"]);
        Assert.Equal("http://localhost:5080", document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Contains("3.5", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonObject> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(method => method.Value!.AsObject()))
            .ToDictionary(operation => operation["operationId"]!.GetValue<string>());

    /// <summary>The response schema with the document's component schemas as $defs, each closed to undocumented fields.</summary>
    private static JsonSchema Build(JsonNode schema, JsonObject document)
    {
        var definitions = document["components"]!["schemas"]!.DeepClone().AsObject();
        foreach (var (name, definition) in definitions)
        {
            if (name.StartsWith("Api", StringComparison.Ordinal) && definition is JsonObject closed && closed["properties"] is not null)
            {
                closed["additionalProperties"] = false;
            }
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, baseUri: new Uri($"https://contract.test/{Guid.NewGuid():N}"));
    }
}
