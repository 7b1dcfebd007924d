using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Globalization;
using System.Net;

namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// Decides the <see cref="Reply"/> to a request: the index at /, the images at /images/&lt;name&gt; with the faults
/// their query asks for, 404 for anything else. Knows nothing of sockets, so every rule is tested without one.
/// </summary>
internal sealed class SiteRoutes
{
    public const string ImagesPath = "/images/";

    private readonly ImageCatalog _catalog;
    private readonly TimeSpan _latency;
    private readonly byte[] _index;

    // Requests so far per path and query, for "the first N requests answer this status".
    private readonly ConcurrentDictionary<string, int> _requestsByTarget = new(StringComparer.Ordinal);

    public SiteRoutes(ImageCatalog catalog, TimeSpan latency, Func<ServedImage, Uri> uriOf)
    {
        _catalog = catalog;
        _latency = latency;
        _index = SitePages.Index(catalog.Images, uriOf);
    }

    /// <param name="method">The request's method.</param>
    /// <param name="path">The URL's path, still percent-encoded.</param>
    /// <param name="query">The URL's decoded query.</param>
    /// <param name="target">The path and query as sent: the key of the per-request counters.</param>
    public Reply Route(string method, string path, NameValueCollection query, string target)
    {
        var faults = RequestFaults.Parse(query, out string? queryError);
        TimeSpan latency = faults.Latency ?? _latency;
        if (method is not ("GET" or "HEAD"))
        {
            return new Reply(405, SitePages.TextType, SitePages.Text($"405 Method Not Allowed: the photo site answers GET and HEAD, not {method}."))
            { Latency = latency, Headers = [new("Allow", "GET, HEAD")] };
        }
        if (queryError is not null)
            return new Reply(400, SitePages.TextType, SitePages.Text("400 Bad Request: " + queryError)) { Latency = latency };

        if (path is "/" or "/index.html")
            return WithFaults(new Reply(200, SitePages.HtmlType, _index), faults, latency, target);

        var image = path.StartsWith(ImagesPath, StringComparison.Ordinal) ? _catalog.Find(Uri.UnescapeDataString(path[ImagesPath.Length..])) : null;
        if (image is null)
            return new Reply(404, SitePages.TextType, SitePages.Text($"404 Not Found: {Uri.UnescapeDataString(path)}")) { Latency = latency };

        var reply = faults.Html
            ? new Reply(200, SitePages.HtmlType, SitePages.NotAnImage(image.Name))
            : new Reply(200, image.ContentType, image.Bytes);
        return WithFaults(reply, faults, latency, target);
    }

    private Reply WithFaults(Reply reply, RequestFaults faults, TimeSpan latency, string target)
    {
        if (faults.Status is int status && status != 200)
        {
            int requestNumber = _requestsByTarget.AddOrUpdate(target, 1, (_, count) => count + 1);
            if (faults.Times is not int times || requestNumber <= times)
            {
                var headers = faults.RetryAfterSeconds is int seconds
                    ? new KeyValuePair<string, string>[] { new("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)) }
                    : [];
                string reason = HttpStatusDescription(status);
                reply = new Reply(status, SitePages.TextType, SitePages.Text($"{status} {reason} (request {requestNumber} of this URL)")) { Headers = headers };
            }
        }
        reply = reply with { Latency = latency };
        if (faults.DropAfter is long drop)
            return reply with { Ending = BodyEnding.Drop, BytesBeforeEnding = drop };
        if (faults.StallAfter is long stall)
            return reply with { Ending = BodyEnding.Stall, BytesBeforeEnding = stall };
        return reply;
    }

    private static string HttpStatusDescription(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? SplitWords(((HttpStatusCode)status).ToString()) : "Status";

    // ServiceUnavailable -> Service Unavailable
    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}
