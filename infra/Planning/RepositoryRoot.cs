namespace MomentoTokenVending.Infra.Planning;

/// <summary>Finds the project folder (the one holding <c>Pulumi.yaml</c>) from wherever the program runs.</summary>
public static class RepositoryRoot
{
    /// <summary>The marker file of the project folder.</summary>
    public const string Marker = "Pulumi.yaml";

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> to the first folder containing <see cref="Marker"/>;
    /// the Pulumi CLI runs the program from <c>infra/</c>, tests and IDEs from elsewhere.
    /// </summary>
    public static string Find(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(startDirectory);
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {Marker} in '{startDirectory}' or any folder above it: run the program from inside the repository.");
    }
}
