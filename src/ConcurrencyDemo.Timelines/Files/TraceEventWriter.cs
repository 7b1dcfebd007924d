using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConcurrencyDemo.Timelines.Files;

/// <summary>
/// Chrome's Trace Event format (the JSON object form), which Perfetto UI and chrome://tracing open: one process
/// per run, named after its mode, one thread per lane, and a complete ("X") event per item and per worker
/// start-up, in microseconds from the start of the run, with every field of the item as its arguments. Every run
/// starts at 0, so the runs line up one under another, as they do in the SVG.
/// </summary>
public static class TraceEventWriter
{
    /// <summary>The category of an item's event, and of a failed one's; a worker start-up's.</summary>
    public const string ItemCategory = "item";
    public const string FailedItemCategory = "item,failed";
    public const string StartupCategory = "startup";

    public const string StartupEventName = "worker start-up";

    public static void Write(Stream stream, IReadOnlyList<TimelineRun> runs)
    {
        // The relaxed encoder keeps labels and paths readable; the file is JSON, never inlined in HTML.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");
        for (int r = 0; r < runs.Count; r++)
            WriteRun(json, runs[r], processId: r + 1);
        json.WriteEndArray();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartObject("otherData");
        json.WriteString("producer", "ConcurrencyDemo");
        json.WriteString("clock", "seconds from the start of each run, as microseconds");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, TimelineRun run, int processId)
    {
        WriteMetadata(json, "process_name", processId, null, "name", $"Run {processId}: {Layout.RunTitle.Of(run)}");
        WriteMetadata(json, "process_sort_index", processId, null, "sort_index", processId);
        for (int l = 0; l < run.Lanes.Count; l++)
        {
            var lane = run.Lanes[l];
            int threadId = l + 1;
            WriteMetadata(json, "thread_name", processId, threadId, "name", lane.Name);
            WriteMetadata(json, "thread_sort_index", processId, threadId, "sort_index", threadId);
            if (lane.StartupSeconds > 0)
            {
                WriteCompleteEvent(json, StartupEventName, StartupCategory, processId, threadId, lane.StartupStartSeconds, lane.StartupReadySeconds, null);
                json.WriteStartObject("args");
                json.WriteString("Worker", lane.Name);
                json.WriteNumber("WorkerStartSeconds", lane.StartupStartSeconds);
                json.WriteNumber("WorkerReadySeconds", lane.StartupReadySeconds);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            foreach (var item in lane.Items)
            {
                WriteCompleteEvent(json, item.DisplayName,
                    item.Success ? ItemCategory : FailedItemCategory, processId, threadId, item.StartSeconds, item.EndSeconds,
                    // chrome://tracing's reserved colour name for trouble; Perfetto colours by name and ignores it.
                    item.Success ? null : "terrible");
                json.WriteStartObject("args");
                foreach (var field in item.DescribedFields())
                    WriteArgument(json, field);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
    }

    /// <summary>Leaves the event open, for its arguments.</summary>
    private static void WriteCompleteEvent(Utf8JsonWriter json, string name, string category, int processId, int threadId,
        double startSeconds, double endSeconds, string? colourName)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("pid", processId);
        json.WriteNumber("tid", threadId);
        json.WriteNumber("ts", Microseconds(startSeconds));
        json.WriteNumber("dur", Microseconds(Math.Max(0, endSeconds - startSeconds)));
        if (colourName is not null) json.WriteString("cname", colourName);
    }

    private static void WriteMetadata(Utf8JsonWriter json, string name, int processId, int? threadId, string argument, object value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", processId);
        json.WriteNumber("tid", threadId ?? 0);
        json.WriteStartObject("args");
        if (value is int number) json.WriteNumber(argument, number);
        else json.WriteString(argument, value.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Numbers stay numbers and flags stay flags; everything else (text from a CSV too) is a string.</summary>
    private static void WriteArgument(Utf8JsonWriter json, TimelineField field)
    {
        switch (field.Value)
        {
            case bool flag: json.WriteBoolean(field.Name, flag); break;
            case double number when double.IsFinite(number): json.WriteNumber(field.Name, number); break;
            case float number when float.IsFinite(number): json.WriteNumber(field.Name, number); break;
            case int number: json.WriteNumber(field.Name, number); break;
            case long number: json.WriteNumber(field.Name, number); break;
            default: json.WriteString(field.Name, field.Text); break;
        }
    }

    /// <summary>Microseconds to the nanosecond: what the format counts in, and finer than any clock we read.</summary>
    private static double Microseconds(double seconds) => Math.Round(seconds * 1e6, 3);
}
