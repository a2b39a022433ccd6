using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TradingActors.Actors.Node;
using TradingActors.Api.Security;
using TradingActors.Cli.Hosting;
using TradingActors.Testing;

namespace TradingActors.Api.Tests;

/// <summary>The two journals the contract suite runs on.</summary>
public enum JournalKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// One server for a test class, started as <c>serve</c> starts it (<see cref="ServeHost"/>): Kestrel on a free loopback
/// port, the node on an empty journal of the class's own (a SQLite file, or a PostgreSQL database on the shared test
/// server), settings loaded from a config file as <c>--config FILE</c> is. Tests use distinct strategy ids.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes a class fixture through IAsyncLifetime.DisposeAsync")]
public abstract class ApiServer(JournalKind kind, string? token = null) : IAsyncLifetime
{
    private readonly SqliteFiles _files = new("trading-actors-api");
    private PostgresDatabaseFixture? _database;

    public JournalKind Kind => kind;

    public ServeHost Host { get; private set; } = null!;

    /// <summary>A client of the server; with the token when the server has one.</summary>
    public HttpClient Client { get; private set; } = null!;

    public string? Token => token;

    public async Task InitializeAsync()
    {
        if (kind == JournalKind.PostgreSql)
        {
            _database = new PostgresDatabaseFixture();
            await _database.InitializeAsync();
        }
        var config = _files.PathFor("node.conf");
        // The ask timeout is raised from 5 s: on a shared 2-core machine under load, a first write to a fresh
        // strategy (shard allocation, recovery) was seen to wait past 5 s and get 503; the contract does not depend on it.
        await File.WriteAllTextAsync(config,
            (kind == JournalKind.PostgreSql ? "trading-actors.journal.provider = postgresql\n" : "")
            + "trading-actors.api.ask-timeout = 20s\n");
        var node = NodeSettings.Load(config, _files.Directory,
            name => name == "TRADING_ACTORS_DB_URL" ? _database?.ConnectionString : null);
        Host = await ServeHost.StartAsync(new ServeOptions(
            node, ApiSettings.From(node.Config), new BearerToken(token), "127.0.0.1", 0));
        Client = NewClient(token);
    }

    /// <summary>A client of its own (concurrent writers), with <paramref name="bearer"/> as its token if given.</summary>
    public HttpClient NewClient(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        _files.Dispose();
    }
}

public sealed class SqliteApiServer() : ApiServer(JournalKind.Sqlite);

public sealed class PostgresApiServer() : ApiServer(JournalKind.PostgreSql);

/// <summary>A SQLite server started with a token (<c>TRADING_ACTORS_TOKEN</c>).</summary>
public sealed class TokenApiServer() : ApiServer(JournalKind.Sqlite, TokenApiServer.Secret)
{
    public const string Secret = "s3cret-token";
}

/// <summary>An answer: its status, headers and body text, and the body as JSON when it is JSON.</summary>
public sealed record Reply(int Status, string Body, HttpResponseMessage Message)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("the body is JSON null");

    public string Error => Json["error"]!.GetValue<string>();

    public string ErrorMessage => Json["message"]!.GetValue<string>();

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public override string ToString() => $"{Status} {Body}";
}

/// <summary>Plain <see cref="HttpClient"/> calls answering <see cref="Reply"/>.</summary>
public static class Http
{
    public static Task<Reply> Get(this HttpClient client, string path) =>
        client.Send(HttpMethod.Get, path);

    public static Task<Reply> Post(this HttpClient client, string path, string body, string? contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return client.Send(HttpMethod.Post, path, content);
    }

    public static async Task<Reply> Send(
        this HttpClient client, HttpMethod method, string path, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, body, response);
    }
}
