using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace TradingActors.Api.Replies;

/// <summary>
/// JSON replies: records through the source-generated <see cref="ApiJsonContext"/>, and the bodies built from the
/// domain's own writers (metrics, risk events) through a <see cref="Utf8JsonWriter"/> on the response.
/// </summary>
public static class JsonReply
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Escapes only what JSON requires: the replies are UTF-8, and <c>-&gt;</c> or <c>é</c> stay readable.</summary>
    public static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder =
        System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    public static async Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A reply of <paramref name="status"/> whose body <paramref name="write"/> writes.</summary>
    public static IResult Of(int status, Action<Utf8JsonWriter> write) => new WriterResult(status, write);

    /// <summary>200 with the body <paramref name="write"/> writes.</summary>
    public static IResult Ok(Action<Utf8JsonWriter> write) => new WriterResult(StatusCodes.Status200OK, write);

    /// <summary>The text of a body <paramref name="write"/> writes (one line; the stream's <c>data:</c>).</summary>
    public static string Text(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class WriterResult(int status, Action<Utf8JsonWriter> write) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = ContentType;
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, WriterOptions);
            write(writer);
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
