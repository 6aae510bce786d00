using System.Globalization;
using System.Text;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>The figures of a benchmark run as Markdown: per runtime min / median / max, the .NET / Node ratio per pair, and every pair.</summary>
internal static class ColdStartReport
{
    private static readonly (string Name, Func<ColdStart, TimeSpan> Of)[] Measures =
    [
        ("start → handler ready (init)", run => run.Ready),
        ("**start → first 200 (a mint)**", run => run.FirstAnswer),
        ("start → second 200 (a warm repeat)", run => run.SecondAnswer),
        ("the warm repeat alone", run => run.Repeat),
        ("CPU time of the process, user + system", run => run.CpuTime),
    ];

    public static string Markdown(IReadOnlyList<(ColdStart Dotnet, ColdStart Node)> pairs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(pairs.Count);
        var text = new StringBuilder();
        Line(text, $"| ms | .NET min | .NET median | .NET max | Node min | Node median | Node max | .NET / Node per pair: median (min–max) |");
        Line(text, $"|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, of) in Measures)
        {
            var dotnet = Summary(pairs.Select(pair => of(pair.Dotnet).TotalMilliseconds));
            var node = Summary(pairs.Select(pair => of(pair.Node).TotalMilliseconds));
            var ratio = Summary(pairs.Select(pair => of(pair.Dotnet) / of(pair.Node)));
            Line(text, $"| {name} | {Ms(dotnet.Min)} | {Ms(dotnet.Median)} | {Ms(dotnet.Max)} | {Ms(node.Min)} | {Ms(node.Median)} | {Ms(node.Max)} | {ratio.Median:0.00} ({ratio.Min:0.00}–{ratio.Max:0.00}) |");
        }

        text.AppendLine();
        Line(text, $"Momento calls per process: .NET {Calls(pairs.Select(pair => pair.Dotnet))}, Node {Calls(pairs.Select(pair => pair.Node))}.");
        var dotnetFirst = Summary(pairs.Select(pair => pair.Dotnet.FirstAnswer.TotalMilliseconds)).Median;
        var nodeFirst = Summary(pairs.Select(pair => pair.Node.FirstAnswer.TotalMilliseconds)).Median;
        Line(text, $"Goal, .NET's median first 200 at most half of Node's: {(dotnetFirst <= nodeFirst / 2 ? "met" : "missed")} ({dotnetFirst:0} ms against {nodeFirst:0} ms, {dotnetFirst / nodeFirst:0.00}).");
        text.AppendLine();

        Line(text, $"| pair | .NET init | .NET first 200 | .NET second 200 | Node init | Node first 200 | Node second 200 | first 200 .NET / Node |");
        Line(text, $"|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var index = 0; index < pairs.Count; index++)
        {
            var (dotnet, node) = pairs[index];
            Line(text, $"| {index + 1}{(index % 2 == 0 ? string.Empty : ", Node first")} | {Ms(dotnet.Ready)} | {Ms(dotnet.FirstAnswer)} | {Ms(dotnet.SecondAnswer)} | {Ms(node.Ready)} | {Ms(node.FirstAnswer)} | {Ms(node.SecondAnswer)} | {dotnet.FirstAnswer / node.FirstAnswer:0.00} |");
        }

        return text.ToString();
    }

    private static string Calls(IEnumerable<ColdStart> runs) => string.Join(" or ", runs.Select(run => run.MomentoCalls).Distinct().Order());

    private static string Ms(TimeSpan elapsed) => Ms(elapsed.TotalMilliseconds);

    private static string Ms(double milliseconds) =>
        milliseconds < 10 ? milliseconds.ToString("0.0", CultureInfo.InvariantCulture) : milliseconds.ToString("0", CultureInfo.InvariantCulture);

    private static (double Min, double Median, double Max) Summary(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return (sorted[0], median, sorted[^1]);
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
