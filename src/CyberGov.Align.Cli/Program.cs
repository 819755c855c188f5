using System.CommandLine;
using System.Text;
using CyberGov.Align.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
RootCommand root = CliApp.BuildRootCommand();
return CliApp.Run(root, args);
