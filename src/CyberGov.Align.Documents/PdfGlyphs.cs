using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace CyberGov.Align.Documents;

/// <summary>
/// One glyph of a page's text: its text, where its baseline starts and ends, its size in points, and its place in
/// the content stream (which breaks ties between glyphs drawn at the same spot).
/// </summary>
internal readonly record struct Glyph(string Value, double X, double EndX, double Y, double PointSize, int Order) : IComparable<Glyph>
{
    /// <summary>Whether the glyph draws nothing (a space).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Value);

    /// <summary>Reading order on a page: from the top baseline down, then left to right, then as drawn.</summary>
    public int CompareTo(Glyph other) =>
        Y != other.Y ? other.Y.CompareTo(Y) : X != other.X ? X.CompareTo(other.X) : Order.CompareTo(other.Order);
}

/// <summary>
/// A page as the PDF reader needs it: its number, its height and its glyphs in content-stream order. The glyph list
/// is the reading thread's buffer, reused for its next page (a page's glyphs would otherwise be a large-object
/// allocation each, and the full collections they cause cost a third of the reading time).
/// </summary>
internal sealed record GlyphPage(int Number, double Height, List<Glyph> Glyphs);

/// <summary>
/// Makes <see cref="GlyphPage"/>s through PdfPig's page-factory extension point. PdfPig's own pages build a
/// <see cref="Letter"/> for every glyph (glyph outline box, colours, font details, marked content) and every path
/// drawn; the reader needs only the glyph's text and baseline, so this collector keeps those and ignores paths and
/// images, which roughly halves the cost of reading a page.
/// </summary>
internal sealed class GlyphPageFactory(IPdfTokenScanner pdfScanner, IResourceStore resourceStore, ILookupFilterProvider filterProvider, IPageContentParser pageContentParser, ParsingOptions parsingOptions)
    : BasePageFactory<GlyphPage>(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions)
{
    /// <inheritdoc />
    protected override GlyphPage ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations, MediaBox mediaBox, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        PdfRectangle view = mediaBox.Bounds.Intersect(cropBox.Bounds) ?? cropBox.Bounds;
        double height = rotation.SwapsAxis ? view.Width : view.Height;
        var collector = new GlyphCollector(pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox, userSpaceUnit, rotation, initialMatrix, ParsingOptions);
        return new GlyphPage(pageNumber, height, collector.Process(pageNumber, operations));
    }

    /// <summary>Lets go of the calling thread's glyph buffer (a pool thread would otherwise keep the largest page's glyphs).</summary>
    public static void ReleaseBuffer() => GlyphCollector.ReleaseBuffer();

    /// <summary>Runs a page's content stream and keeps each glyph's text and baseline.</summary>
    private sealed class GlyphCollector(int pageNumber, IResourceStore resourceStore, IPdfTokenScanner pdfScanner, IPageContentParser pageContentParser, ILookupFilterProvider filterProvider, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix, ParsingOptions parsingOptions)
        : BaseStreamProcessor<List<Glyph>>(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation, in initialMatrix, parsingOptions)
    {
        [ThreadStatic]
        private static List<Glyph>? t_buffer;

        private readonly List<Glyph> _glyphs = TakeBuffer();

        public static void ReleaseBuffer() => t_buffer = null;

        private static List<Glyph> TakeBuffer()
        {
            List<Glyph> buffer = t_buffer ??= [];
            buffer.Clear();
            return buffer;
        }

        public override List<Glyph> Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
        {
            PageNumber = pageNumberCurrent;
            CloneAllStates();
            ProcessOperations(operations);
            return _glyphs;
        }

        public override void RenderGlyph(IFont font, CurrentGraphicsState currentState, double fontSize, double pointSize, int code, string unicode, long currentOffset, in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix, in TransformationMatrix transformationMatrix, CharacterBoundingBox characterBoundingBox)
        {
            if (unicode.Length == 0)
            {
                return; // a glyph that stands for no text
            }

            if (unicode.Length == 1 && unicode[0] is >= '\u0300' and <= '\u036F' && _glyphs.Count > 0 && currentOffset > 0)
            {
                // A combining accent drawn after its letter belongs to it.
                Glyph previous = _glyphs[^1];
                _glyphs[^1] = previous with { Value = (previous.Value + unicode).Normalize(NormalizationForm.FormC) };
                return;
            }

            // The baseline from the glyph's origin to its advance, in page space (as PdfPig's Letter.StartBaseLine and EndBaseLine).
            TransformationMatrix m = renderingMatrix.Multiply(textMatrix).Multiply(transformationMatrix);
            PdfPoint start = m.Transform(new PdfPoint(0, 0));
            PdfPoint end = m.Transform(new PdfPoint(characterBoundingBox.Width, 0));
            _glyphs.Add(new Glyph(unicode, start.X, end.X, start.Y, pointSize, _glyphs.Count));
        }

        // Paths, clipping, images and marked content say nothing about the text.
        public override void BeginSubpath()
        {
        }

        public override PdfPoint? CloseSubpath() => null;

        public override void StrokePath(bool close)
        {
        }

        public override void FillPath(FillingRule fillingRule, bool close)
        {
        }

        public override void FillStrokePath(FillingRule fillingRule, bool close)
        {
        }

        public override void MoveTo(double x, double y)
        {
        }

        public override void BezierCurveTo(double x2, double y2, double x3, double y3)
        {
        }

        public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
        {
        }

        public override void LineTo(double x, double y)
        {
        }

        public override void Rectangle(double x, double y, double width, double height)
        {
        }

        public override void EndPath()
        {
        }

        public override void ClosePath()
        {
        }

        public override void ModifyClippingIntersect(FillingRule clippingRule)
        {
        }

        public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties)
        {
        }

        public override void EndMarkedContent()
        {
        }

        public override void PaintShading(NameToken shadingName)
        {
        }

        protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule clippingRule)
        {
        }

        protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord)
        {
        }

        protected override void RenderInlineImage(InlineImage inlineImage)
        {
        }
    }
}
