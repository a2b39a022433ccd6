using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TradingActors.Api.Errors;

namespace TradingActors.Api.Bodies;

/// <summary>
/// A POST body's bytes, after the checks every JSON body gets: <c>Content-Type: application/json</c> (415 otherwise),
/// at most <see cref="ApiSettings.MaxBodySize"/> bytes (413, from the declared length or while reading), not empty.
/// </summary>
public static class RequestBodyReader
{
    public static async Task<ReadOnlyMemory<byte>> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            var got = string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{request.ContentType}'";
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType,
                $"Content-Type: must be application/json (UTF-8), got {got}");
        }
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1);
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancel).ConfigureAwait(false);
            foreach (var segment in read.Buffer)
            {
                if (buffer.WrittenCount + segment.Length > maxBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    throw TooLarge(maxBytes);
                }
                buffer.Write(segment.Span);
            }
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }
        if (buffer.WrittenCount == 0)
        {
            throw ApiProblemException.MalformedJson("body: is empty");
        }
        return buffer.WrittenMemory;
    }

    private static ApiProblemException TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.PayloadTooLarge, TooLargeMessage(maxBytes));

    /// <summary>The message of a 413, whether the API or Kestrel's backstop limit refused the body.</summary>
    internal static string TooLargeMessage(int maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"body: is larger than {maxBytes} bytes; send a large import in several requests");
}
