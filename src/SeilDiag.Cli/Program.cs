namespace SeilDiag.Cli;

public static class Program
{
    public static int Main(string[] args) =>
        CliApp.Run(args, new CliConsole(Console.Out, Console.Error, Console.In,
            OutputIsTerminal: !Console.IsOutputRedirected, ErrorIsTerminal: !Console.IsErrorRedirected));
}
