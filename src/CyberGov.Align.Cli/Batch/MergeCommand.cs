using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using CyberGov.Align.Formats;

namespace CyberGov.Align.Cli.Batch;

/// <summary><c>cyberalign merge</c>: joins the per-document outputs of one or more batch runs (shards) into one corpus file.</summary>
internal static class MergeCommand
{
    private static readonly string[] Mergeable = ["tmx", "jsonl", "tsv", "moses"];

    public static Command Create()
    {
        var inputs = new Argument<DirectoryInfo[]>("FOLDER") { Description = "Output folders of batch runs (e.g. one per shard).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged file (for moses: a prefix, writes PREFIX.zh and PREFIX.en).", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = "tmx, jsonl, tsv or moses (default: from -o's extension)." };
        format.AcceptOnlyFromAmong(Mergeable);
        var command = new Command("merge", "Merge the per-document outputs of batch runs into one file, in document-name order.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction(parse => CliApp.Guard(() =>
        {
            string path = parse.GetValue(output)!;
            string fmt = parse.GetValue(format) ?? (AlignmentFormats.TryFromExtension(path, out string f) ? f : string.Empty);
            if (!Mergeable.Contains(fmt))
            {
                throw new ArgumentException($"cannot merge format '{(fmt.Length == 0 ? Path.GetExtension(path) : fmt)}': give --format tmx, jsonl, tsv or moses (index and ladder files hold per-document sentence numbers)");
            }

            DirectoryInfo[] folders = parse.GetValue(inputs)!;
            int documents = fmt switch
            {
                "tmx" => MergeTmx(Documents(folders, ".tmx"), path),
                "jsonl" => MergeLines(Documents(folders, ".jsonl"), path, JsonlLine),
                "tsv" => MergeLines(Documents(folders, ".tsv"), path, (_, line) => line),
                _ => MergeMoses(folders, path),
            };
            Console.Error.WriteLine($"cyberalign: merged {documents} documents into {path}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The documents (name, file) with an extension in the folders, sorted by name; a name in two folders is an error.</summary>
    private static List<(string Name, string File)> Documents(DirectoryInfo[] folders, string extension)
    {
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DirectoryInfo folder in folders)
        {
            if (!folder.Exists)
            {
                throw new DirectoryNotFoundException($"{folder.FullName}: no such folder");
            }

            foreach (FileInfo file in folder.EnumerateFiles("*" + extension))
            {
                string name = Path.GetFileNameWithoutExtension(file.Name);
                if (!byName.TryAdd(name, file.FullName))
                {
                    throw new ArgumentException($"document '{name}' is in two folders: {byName[name]} and {file.FullName}");
                }
            }
        }

        if (byName.Count == 0)
        {
            throw new ArgumentException($"no {extension} files to merge in {string.Join(", ", folders.Select(f => f.FullName))} (was the batch run with --format {extension.TrimStart('.')}?)");
        }

        return [.. byName.Select(kv => (kv.Key, kv.Value))];
    }

    private static int MergeLines(List<(string Name, string File)> documents, string path, Func<string, string, string> transform)
    {
        AtomicFile.Write(path, w =>
        {
            foreach ((string name, string file) in documents)
            {
                foreach (string line in File.ReadLines(file, Encoding.UTF8))
                {
                    if (line.Length > 0)
                    {
                        w.Write(transform(name, line));
                        w.Write('\n');
                    }
                }
            }
        });
        return documents.Count;
    }

    /// <summary>A JSONL bead with <c>"document"</c> added first.</summary>
    private static string JsonlLine(string name, string line) =>
        line.StartsWith('{') ? $"{{\"document\":{JsonSerializer.Serialize(name)},{line[1..]}" : throw new InvalidDataException($"not a JSON object: {line[..Math.Min(40, line.Length)]}");

    /// <summary>One TMX: the first file's header, then every file's units, each with an <c>x-document</c> prop.</summary>
    private static int MergeTmx(List<(string Name, string File)> documents, string path)
    {
        if (documents.Count == 0)
        {
            throw new ArgumentException("no .tmx files to merge");
        }

        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true };
        var writerSettings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false };
        AtomicFile.Write(path, text =>
        {
            text.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            using var xml = XmlWriter.Create(text, writerSettings);
            xml.WriteDocType("tmx", null, "tmx14.dtd", null);
            xml.WriteStartElement("tmx");
            xml.WriteAttributeString("version", "1.4");
            for (int d = 0; d < documents.Count; d++)
            {
                (string name, string file) = documents[d];
                using XmlReader reader = XmlReader.Create(file, readerSettings);
                reader.MoveToContent();
                while (!reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Name == "header")
                    {
                        var header = (XElement)XNode.ReadFrom(reader);
                        if (d == 0)
                        {
                            header.Elements("prop").Remove();
                            header.WriteTo(xml);
                            xml.WriteStartElement("body");
                        }
                    }
                    else if (reader.NodeType == XmlNodeType.Element && reader.Name == "tu")
                    {
                        var tu = (XElement)XNode.ReadFrom(reader);
                        tu.AddFirst(new XElement("prop", new XAttribute("type", "x-document"), name));
                        tu.WriteTo(xml);
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        return documents.Count;
    }

    private static int MergeMoses(DirectoryInfo[] folders, string prefix)
    {
        List<(string Name, string File)> zh = Documents(folders, ".zh"), en = Documents(folders, ".en");
        if (!zh.Select(d => d.Name).SequenceEqual(en.Select(d => d.Name)))
        {
            throw new ArgumentException("the .zh and .en files of the folders do not pair up by name");
        }

        AtomicFile.Write(prefix + ".zh", zw => AtomicFile.Write(prefix + ".en", ew =>
        {
            for (int k = 0; k < zh.Count; k++)
            {
                string[] z = File.ReadAllLines(zh[k].File), e = File.ReadAllLines(en[k].File);
                if (z.Length != e.Length)
                {
                    throw new InvalidDataException($"{zh[k].File} has {z.Length} lines but {en[k].File} has {e.Length}");
                }

                foreach (string line in z)
                {
                    zw.Write(line + "\n");
                }

                foreach (string line in e)
                {
                    ew.Write(line + "\n");
                }
            }
        }));
        return zh.Count;
    }
}
