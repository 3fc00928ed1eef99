package fr.usinesouvertes.platform.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Whether an uploaded SVG is pure drawing, decided by an XML parser (never by patterns over the text): no
 * DOCTYPE (so no entities), no processing instruction, a root {@code <svg>} in the SVG namespace, and every
 * element and attribute, found by namespace and local name (prefixes do not matter), on an allow-list of
 * drawing elements (shapes, text, gradients, patterns, clips, masks, markers, filters but {@code feImage},
 * {@code <use>}, {@code <style>}) and of their geometry and presentation attributes. No event handler
 * ({@code on…}) anywhere; {@code href} and {@code xlink:href} only to a fragment of the file ({@code #id});
 * {@code url(…)} only to a fragment; no {@code javascript:} in any value; in CSS ({@code style} attribute and
 * element) no escape, {@code @import}, {@code expression}, {@code image-set}, {@code image()}, {@code src()} or
 * {@code cross-fade}. Elements and attributes of drawing programs' metadata namespaces (Inkscape, Sodipodi,
 * RDF, Creative Commons, Dublin Core, Affinity's {@code serif}) are let through: browsers give them no
 * behaviour; their values are held to the same rules. Anything else ({@code script}, {@code foreignObject},
 * {@code a}, {@code image}, animations, XHTML or any other namespace) is refused, naming it.
 */
public final class SvgCheck {

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    /** Drawing programs' metadata: unknown to browsers, rendered and run as nothing. */
    private static final Set<String> EDITOR_NAMESPACES = Set.of(
            "http://www.inkscape.org/namespaces/inkscape",
            "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://creativecommons.org/ns#",
            "http://web.resource.org/cc/",
            "http://purl.org/dc/elements/1.1/",
            "http://www.serif.com/");

    private static final Set<String> ELEMENTS = Set.of(
            "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
            "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
            "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
            "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
            "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
            "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
            "feTurbulence");

    private static final Set<String> ATTRIBUTES = Set.of(
            // identity, structure, accessibility
            "id", "class", "style", "lang", "role", "focusable", "version", "baseProfile", "media", "type",
            // geometry
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points",
            "width", "height", "viewBox", "preserveAspectRatio", "transform", "pathLength", "enable-background",
            "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
            "offset", "gradientUnits", "gradientTransform", "spreadMethod", "href",
            "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
            "maskContentUnits", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
            // filters
            "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "values", "operator",
            "k1", "k2", "k3", "k4", "baseFrequency", "numOctaves", "seed", "stitchTiles", "scale",
            "xChannelSelector", "yChannelSelector", "radius", "tableValues", "slope", "intercept", "amplitude",
            "exponent", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode",
            "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant",
            "specularExponent", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ",
            "limitingConeAngle",
            // presentation
            "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
            "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
            "display", "visibility", "overflow", "clip", "clip-path", "clip-rule", "mask", "filter",
            "marker-start", "marker-mid", "marker-end", "stop-color", "stop-opacity", "flood-color",
            "flood-opacity", "lighting-color", "font-family", "font-size", "font-size-adjust", "font-weight",
            "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
            "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration",
            "writing-mode", "direction", "unicode-bidi", "color-interpolation", "color-interpolation-filters",
            "color-rendering", "shape-rendering", "text-rendering", "image-rendering", "paint-order",
            "vector-effect", "mix-blend-mode", "isolation", "transform-origin");

    /** CSS that can fetch or run something: escapes could spell it otherwise, so they are refused too. */
    private static final List<String> CSS_DANGER = List.of(
            "\\", "@import", "expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:",
            "image-set(", "image(", "src(", "cross-fade(", "element(");

    private SvgCheck() {
    }

    /** Passes when {@code data} is an SVG of pure drawing; an {@link UploadRefusedException} naming what is not. */
    public static void check(byte[] data) {
        SAXParser parser = parser();
        try {
            parser.parse(new ByteArrayInputStream(data), new Walker());
        } catch (Refused e) {
            throw e.refusal;
        } catch (SAXParseException e) {
            String text = new String(data, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (text.contains("<!doctype") || text.contains("<!entity")) {
                throw new UploadRefusedException("une déclaration DOCTYPE (ou d'entités) n'est pas acceptée ; "
                        + "enregistrez le dessin en SVG simple.",
                        "a DOCTYPE (or entity) declaration is not accepted; save the drawing as plain SVG.");
            }
            throw new UploadRefusedException("XML mal formé (ligne " + e.getLineNumber() + ", colonne "
                    + e.getColumnNumber() + ").", "malformed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ").");
        } catch (SAXException | IOException e) {
            throw new UploadRefusedException("XML illisible.", "unreadable XML.");
        }
    }

    /** A namespace-aware SAX parser that refuses any DOCTYPE and never reads anything outside the file. */
    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
        }
    }

    /** Carries a refusal out of the parser. */
    private static final class Refused extends SAXException {
        final transient UploadRefusedException refusal;

        Refused(String fr, String en) {
            super(en);
            this.refusal = new UploadRefusedException(fr, en);
        }
    }

    private static final class Walker extends DefaultHandler {
        private boolean root = true;
        private StringBuilder css;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            boolean svg = SVG_NS.equals(uri);
            if (root && !localName.equals("svg")) {
                throw new Refused("l'élément racine <" + qName + "> n'est pas <svg>.",
                        "the root element <" + qName + "> is not <svg>.");
            }
            if (root && !svg) {
                throw new Refused("l'élément racine <" + qName + "> n'est pas dans l'espace de noms SVG (xmlns=\""
                        + SVG_NS + "\").", "the root element <" + qName + "> is not in the SVG namespace (xmlns=\""
                        + SVG_NS + "\").");
            }
            root = false;
            if (svg ? !ELEMENTS.contains(localName) : !EDITOR_NAMESPACES.contains(uri)) {
                throw new Refused("l'élément <" + qName + "> n'est pas accepté (seuls les éléments de dessin le sont).",
                        "element <" + qName + "> is not accepted (only drawing elements are).");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                attribute(qName, svg, attributes.getURI(i), attributes.getLocalName(i), attributes.getQName(i),
                        attributes.getValue(i));
            }
            if (svg && localName.equals("style")) {
                String type = attributes.getValue("", "type");
                if (type != null && !type.isBlank() && !type.strip().equalsIgnoreCase("text/css")) {
                    throw new Refused("<style type=\"" + shorten(type) + "\"> : seul text/css est accepté.",
                            "<style type=\"" + shorten(type) + "\">: only text/css is accepted.");
                }
                css = new StringBuilder();
            }
        }

        private static void attribute(String element, boolean svgElement, String uri, String local, String qName,
                                      String value) throws SAXException {
            String where = qName + " de <" + element + ">";
            String whereEn = qName + " of <" + element + ">";
            if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
                throw new Refused("l'attribut " + where + " est un gestionnaire d'événements.",
                        "attribute " + whereEn + " is an event handler.");
            }
            boolean accepted;
            if (uri.isEmpty()) {
                accepted = !svgElement || ATTRIBUTES.contains(local) || local.startsWith("data-") || local.startsWith("aria-");
            } else if (uri.equals(XMLConstants.XML_NS_URI)) {
                accepted = local.equals("space") || local.equals("lang") || local.equals("id");
            } else if (uri.equals(XLINK_NS)) {
                accepted = local.equals("href") || local.equals("title");
            } else {
                accepted = EDITOR_NAMESPACES.contains(uri);
            }
            if (!accepted) {
                throw new Refused("l'attribut " + where + " n'est pas accepté.", "attribute " + whereEn + " is not accepted.");
            }
            String compact = compact(value);
            if (compact.contains("javascript:") || compact.contains("vbscript:")) {
                throw new Refused("l'attribut " + where + " contient un lien javascript:.",
                        "attribute " + whereEn + " holds a javascript: link.");
            }
            if (local.equals("href") && (uri.isEmpty() || uri.equals(XLINK_NS)) && !value.strip().startsWith("#")) {
                throw new Refused("le lien " + where + " (« " + shorten(value) + " ») ne vise pas le fichier lui-même "
                        + "(#…) ; les références externes ne sont pas acceptées.", "link " + whereEn + " (\""
                        + shorten(value) + "\") does not point inside the file (#…); external references are not accepted.");
            }
            if (local.equals("style") && uri.isEmpty()) {
                css(value, where, whereEn);
            } else {
                localUrls(compact, where, whereEn);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (css != null) {
                css.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (css != null && SVG_NS.equals(uri) && localName.equals("style")) {
                css(css.toString(), "<" + qName + ">", "<" + qName + ">");
                css = null;
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            throw new Refused("l'instruction <?" + target + " …?> n'est pas acceptée.",
                    "processing instruction <?" + target + " …?> is not accepted.");
        }

        private static void css(String text, String where, String whereEn) throws SAXException {
            String compact = compact(text.replaceAll("(?s)/\\*.*?\\*/", ""));
            for (String danger : CSS_DANGER) {
                if (compact.contains(danger)) {
                    throw new Refused("le style " + where + " contient « " + danger + " », qui n'est pas accepté.",
                            "the style " + whereEn + " holds \"" + danger + "\", which is not accepted.");
                }
            }
            localUrls(compact, where, whereEn);
        }

        /** Every {@code url(} of a compacted value must point to a fragment of the file. */
        private static void localUrls(String compact, String where, String whereEn) throws SAXException {
            for (int at = compact.indexOf("url("); at >= 0; at = compact.indexOf("url(", at + 4)) {
                int target = at + 4;
                while (target < compact.length() && (compact.charAt(target) == '"' || compact.charAt(target) == '\'')) {
                    target++;
                }
                if (target >= compact.length() || compact.charAt(target) != '#') {
                    throw new Refused(where + " : url(…) ne vise pas le fichier lui-même (#…) ; les références "
                            + "externes ne sont pas acceptées.", whereEn + ": url(…) does not point inside the file "
                            + "(#…); external references are not accepted.");
                }
            }
        }
    }

    /** Lower case without white space or control characters, as browsers read {@code java script:}. */
    private static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c != '\u007f') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static String shorten(String value) {
        String line = value.strip().replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
