using System.Diagnostics;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>A runtime under test: how to start one fresh process of it, which answers events on stdin with lines on stdout.</summary>
internal interface IFunctionRuntime
{
    /// <summary>Its name in the report.</summary>
    string Name { get; }

    /// <summary>The program, its arguments and its working directory; the environment is set by <see cref="FunctionProcess"/>.</summary>
    ProcessStartInfo StartInfo();
}
