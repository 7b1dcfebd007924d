using System.Net;
using System.Text;

namespace ConcurrencyDemo.PhotoSite;

/// <summary>The site's few pages that are not images: the index, the HTML page of the html fault, and error texts.</summary>
internal static class SitePages
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string TextType = "text/plain; charset=utf-8";

    public static byte[] Index(IReadOnlyList<ServedImage> images, Func<ServedImage, Uri> uriOf)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>ConcurrencyDemo photo site</title></head>\n<body>\n");
        html.Append("<h1>ConcurrencyDemo photo site</h1>\n<ul>\n");
        foreach (var image in images)
        {
            string href = WebUtility.HtmlEncode(uriOf(image).AbsoluteUri);
            html.Append("<li><a href=\"").Append(href).Append("\">").Append(WebUtility.HtmlEncode(image.Name)).Append("</a></li>\n");
        }
        html.Append("</ul>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>What a site's error or login page looks like to a downloader that expected a photo.</summary>
    public static byte[] NotAnImage(string name) => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Photo unavailable</title></head>\n" +
        $"<body><h1>Photo unavailable</h1><p>{WebUtility.HtmlEncode(name)} cannot be shown right now.</p></body>\n</html>\n");

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text + "\n");
}
