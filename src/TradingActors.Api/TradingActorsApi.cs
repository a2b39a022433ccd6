using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using TradingActors.Actors.Node;
using TradingActors.Api.Bodies;
using TradingActors.Api.Errors;
using TradingActors.Api.Gateway;
using TradingActors.Api.Health;
using TradingActors.Api.Replies;
using TradingActors.Api.Routes;
using TradingActors.Api.Security;
using TradingActors.Api.Stream;
using TradingActors.Api.Telemetry;

namespace TradingActors.Api;

/// <summary>
/// The API's composition: its services, its middleware in order (errors, status pages, routing, request metrics,
/// the token) and its routes (DESIGN §5, docs/api.md). The host adds Akka (<c>WithTradingActors</c>) beside it.
/// </summary>
public static class TradingActorsApi
{
    public static IServiceCollection AddTradingActorsApi(
        this IServiceCollection services, ApiSettings settings, JournalSettings journal, BearerToken token)
    {
        services.AddSingleton(settings);
        services.AddSingleton(journal);
        services.AddSingleton(token);
        services.AddSingleton<ApiMetrics>();
        services.AddSingleton<JournalHealth>();
        services.AddHostedService(provider => provider.GetRequiredService<JournalHealth>());
        services.AddSingleton<StrategyGateway>();
        services.AddHostedService<ActiveStrategiesGauge>();
        services.AddSingleton<StreamHub>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamHub>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Api));
        services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new Microsoft.OpenApi.OpenApiInfo
                {
                    Title = "TradingActors",
                    Version = "v1",
                    Description = "Performance tracking and risk control for trading strategies (docs/api.md).",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication UseTradingActorsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = AnswerUnhandledAsync });
        app.UseStatusCodePages(AnswerStatusAsync);
        app.UseRouting();
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.UseMiddleware<BearerTokenMiddleware>();

        var v1 = app.MapGroup("/v1").AddEndpointFilter<ApiProblemFilter>();
        v1.MapGroup("/strategies")
            .AddEndpointFilter<StrategyIdFilter>()
            .WithTags("strategies")
            .MapWriteRoutes()
            .MapReadRoutes()
            .MapOperatorRoutes();
        v1.MapStreamRoutes();
        app.MapOpenApi("/v1/openapi.json");
        app.MapHealthRoutes();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ApiMetrics>().Registry);
        return app;
    }

    /// <summary>404 and 405 (no route, or a known route with another method) as error bodies.</summary>
    private static Task AnswerStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var (code, message) = context.Response.StatusCode switch
        {
            404 => (ApiErrorCodes.NotFound, $"path: no route {context.Request.Method} {context.Request.Path}"),
            405 => (ApiErrorCodes.MethodNotAllowed, $"method: {context.Request.Method} is not allowed on {context.Request.Path}"),
            400 => (ApiErrorCodes.BadRequest, "request: malformed"),
            413 => (ApiErrorCodes.PayloadTooLarge, "body: too large"),
            415 => (ApiErrorCodes.UnsupportedMediaType,
                $"Content-Type: must be application/json (UTF-8), got {(string.IsNullOrEmpty(context.Request.ContentType) ? "none" : $"'{context.Request.ContentType}'")}"),
            _ => ((string?)null, (string?)null),
        };
        return code is null
            ? Task.CompletedTask
            : ErrorReplies.WriteAsync(context, context.Response.StatusCode, code, message!);
    }

    /// <summary>A request the HTTP layer refused is 400 <c>bad_request</c>; anything else is a bug: 500 without its stack trace.</summary>
    private static Task AnswerUnhandledAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException bad)
        {
            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Kestrel's limit (one byte over the API's, a backstop) tripped first while a chunked body was read.
                var maxBytes = context.RequestServices.GetRequiredService<ApiSettings>().MaxBodySize;
                return ErrorReplies.WriteAsync(context, bad.StatusCode, ApiErrorCodes.PayloadTooLarge, RequestBodyReader.TooLargeMessage(maxBytes));
            }
            return ErrorReplies.WriteAsync(context, bad.StatusCode, ApiErrorCodes.BadRequest, $"request: {bad.Message}");
        }
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TradingActors.Api")
            .LogError(error, "unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        return ErrorReplies.WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrorCodes.Internal,
            "server: an unexpected error; the server log has the details");
    }
}
