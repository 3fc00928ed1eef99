package fr.usinesouvertes.platform.admin.authoring.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SVG uploads are parsed as XML and checked against an allow-list of drawing elements and attributes. */
class AssetTypeSvgTest {

    static final String SVG = "xmlns=\"http://www.w3.org/2000/svg\"";

    @Test
    void aScriptBehindANamespacePrefixIsRefused() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/2000/svg\">"
                + "<x:script>alert(document.cookie)</x:script></svg>";
        assertThatThrownBy(() -> AssetType.sniff(svg.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AuthoringException.class).hasMessageStartingWith("SVG refusé")
                .hasMessageContaining("<x:script>");
    }

    @Test
    void scriptsHandlersExternalReferencesAndForeignMarkupAreRefusedNamingWhatIsAtFault() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("<svg " + SVG + "><script>alert(1)</script></svg>", "<script>");
        refused.put("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>alert(1)</s:script></s:svg>", "<s:script>");
        refused.put("<svg " + SVG + "><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>",
                "<h:script>");
        refused.put("<svg " + SVG + "><g xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></g></svg>", "<g>");
        refused.put("<svg " + SVG + "><metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(1)</s:script></rdf:RDF></metadata></svg>", "<s:script>");
        refused.put("<svg " + SVG + " onload=\"alert(1)\"/>", "onload");
        refused.put("<svg " + SVG + "><rect ONCLICK=\"alert(1)\" width=\"1\" height=\"1\"/></svg>", "ONCLICK");
        refused.put("<svg " + SVG + " xmlns:i=\"http://www.inkscape.org/namespaces/inkscape\"><g i:onfocus=\"alert(1)\"/></svg>",
                "i:onfocus");
        refused.put("<svg " + SVG + "><a href=\"javascript:alert(1)\"><text>x</text></a></svg>", "<a>");
        refused.put("<svg " + SVG + "><use href=\"java&#9;script:alert(1)\"/></svg>", "javascript:");
        refused.put("<svg " + SVG + " xmlns:xlink=\"http://www.w3.org/1999/xlink\"><linearGradient id=\"g\" "
                + "xlink:href=\"javascript:alert(1)\"/></svg>", "javascript:");
        refused.put("<svg " + SVG + "><use href=\"https://evil.example/sprite.svg#icon\"/></svg>", "https://evil.example");
        refused.put("<svg " + SVG + " xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"other.svg#a\"/></svg>",
                "other.svg#a");
        refused.put("<svg " + SVG + "><image href=\"https://evil.example/x.png\" width=\"1\" height=\"1\"/></svg>", "<image>");
        refused.put("<svg " + SVG + "><foreignObject width=\"9\" height=\"9\"><body xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<img src=\"x\" onerror=\"alert(1)\"/></body></foreignObject></svg>", "<foreignObject>");
        refused.put("<svg " + SVG + "><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>", "<set>");
        refused.put("<svg " + SVG + "><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>", "<animate>");
        refused.put("<svg " + SVG + "><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.example\"/></svg>",
                "<iframe>");
        refused.put("<svg " + SVG + " xmlns:ev=\"http://www.w3.org/2001/xml-events\"><g ev:event=\"click\"/></svg>", "ev:event");
        refused.put("<svg " + SVG + "><rect style=\"fill:url(https://evil.example/p.svg#a)\"/></svg>", "url(");
        refused.put("<svg " + SVG + "><rect fill=\"url('//evil.example/p.svg#a')\"/></svg>", "url(");
        refused.put("<svg " + SVG + "><style>@import url(https://evil.example/x.css);</style></svg>", "@import");
        refused.put("<svg " + SVG + "><style>rect { background: url(https://evil.example/track) }</style></svg>", "url(");
        refused.put("<svg " + SVG + "><style>rect { fill: \\75rl(https://evil.example/x) }</style></svg>", "\\");
        refused.put("<svg " + SVG + "><style type=\"text/ecmascript\">alert(1)</style></svg>", "text/ecmascript");
        refused.put("<?xml version=\"1.0\"?><?xml-stylesheet type=\"text/xsl\" href=\"data:,x\"?><svg " + SVG + "/>",
                "xml-stylesheet");
        refused.put("<html xmlns=\"http://www.w3.org/1999/xhtml\"><svg " + SVG + "/><script>alert(1)</script></html>", "<html>");
        refused.put("<svg><script>alert(1)</script></svg>", "<svg>"); // no SVG namespace: not an SVG drawing
        for (Map.Entry<String, String> svg : refused.entrySet()) {
            assertThatThrownBy(() -> AssetType.sniff(svg.getKey().getBytes(StandardCharsets.UTF_8))).as(svg.getKey())
                    .isInstanceOf(AuthoringException.class).hasMessageStartingWith("SVG refusé : ")
                    .hasMessageContaining(svg.getValue())
                    .satisfies(e -> assertThat(((AuthoringException) e).message("en")).startsWith("SVG refused: ")
                            .contains(svg.getValue()));
        }
    }

    @Test
    void doctypesAndEntitiesAreRefusedWithoutReadingAnything() {
        for (String svg : new String[] {
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><svg " + SVG
                        + "><text>&xxe;</text></svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                        + "<svg " + SVG + "><text>&b;&b;&b;</text></svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                        + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg " + SVG + "/>"}) {
            assertThatThrownBy(() -> AssetType.sniff(svg.getBytes(StandardCharsets.UTF_8))).as(svg)
                    .isInstanceOf(AuthoringException.class).hasMessageStartingWith("SVG refusé : ")
                    .hasMessageContaining("DOCTYPE");
        }
        assertThatThrownBy(() -> AssetType.sniff(("<svg " + SVG + "><rect></svg>").getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("SVG refusé : XML mal formé (ligne 1");
    }

    @Test
    void drawingsFromInkscapeIllustratorAndAffinityAreAccepted() {
        String inkscape = """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!-- Created with Inkscape (http://www.inkscape.org/) -->

                <svg
                   width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg5"
                   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)" sodipodi:docname="usine.svg"
                   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
                   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
                   xmlns:xlink="http://www.w3.org/1999/xlink"
                   xmlns="http://www.w3.org/2000/svg"
                   xmlns:svg="http://www.w3.org/2000/svg"
                   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                   xmlns:cc="http://creativecommons.org/ns#"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" bordercolor="#666666" borderopacity="1.0"
                     inkscape:showpageshadow="2" inkscape:pageopacity="0.0" inkscape:document-units="mm"
                     showgrid="false" inkscape:zoom="0.73" inkscape:current-layer="layer1" />
                  <defs id="defs2">
                    <linearGradient inkscape:collect="always" id="linearGradient1">
                      <stop style="stop-color:#1b4f9c;stop-opacity:1" offset="0" id="stop1" />
                      <stop style="stop-color:#1b4f9c;stop-opacity:0" offset="1" id="stop2" />
                    </linearGradient>
                    <linearGradient inkscape:collect="always" xlink:href="#linearGradient1" id="linearGradient2"
                       x1="10" y1="10" x2="100" y2="100" gradientUnits="userSpaceOnUse" />
                    <filter inkscape:collect="always" style="color-interpolation-filters:sRGB" id="filter1"
                       x="-0.1" y="-0.1" width="1.2" height="1.2">
                      <feGaussianBlur inkscape:collect="always" stdDeviation="1.5" id="feGaussianBlur1" />
                    </filter>
                  </defs>
                  <metadata id="metadata1">
                    <rdf:RDF>
                      <cc:Work rdf:about="">
                        <dc:format>image/svg+xml</dc:format>
                        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
                        <dc:title>Usine</dc:title>
                      </cc:Work>
                    </rdf:RDF>
                  </metadata>
                  <g inkscape:label="Calque 1" inkscape:groupmode="layer" id="layer1" transform="translate(-12.5,3)">
                    <path style="fill:url(#linearGradient2);stroke:#000000;stroke-width:0.264583px;filter:url(#filter1)"
                       d="M 10,10 H 100 V 100 Z" id="path1" sodipodi:nodetypes="cccc" />
                    <rect style="fill:#e30613" id="rect1" width="40" height="20" x="50" y="150" rx="2" />
                    <use xlink:href="#rect1" id="use1" transform="translate(0,30)" width="100%" height="100%" />
                    <text xml:space="preserve" style="font-size:10.5833px;font-family:'Open Sans';fill:#000000"
                       x="20" y="250" id="text1"><tspan sodipodi:role="line" id="tspan1" x="20" y="250">Usine ouverte</tspan></text>
                  </g>
                </svg>
                """;
        String illustrator = """
                <?xml version="1.0" encoding="utf-8"?>
                <!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
                <svg version="1.1" id="Calque_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                \t x="0px" y="0px" viewBox="0 0 200 100" style="enable-background:new 0 0 200 100;" xml:space="preserve">
                <style type="text/css">
                \t.st0{fill:url(#SVGID_1_);}
                \t.st1{fill:#FFFFFF;font-family:'Arial-BoldMT', "Arial";font-size:14px;}
                </style>
                <g data-name="Logo">
                \t<linearGradient id="SVGID_1_" gradientUnits="userSpaceOnUse" x1="0" y1="50" x2="200" y2="50">
                \t\t<stop  offset="0" style="stop-color:#009FE3"/>
                \t\t<stop  offset="1" style="stop-color:#312783"/>
                \t</linearGradient>
                \t<rect class="st0" width="200" height="100"/>
                \t<text transform="matrix(1 0 0 1 20 55)" class="st1">JUO</text>
                \t<clipPath id="c"><circle cx="10" cy="10" r="5"/></clipPath>
                \t<polygon clip-path="url(#c)" points="0,0 10,0 5,8"/>
                </g>
                </svg>
                """;
        String affinity = "<svg width=\"100%\" height=\"100%\" viewBox=\"0 0 64 64\" version=\"1.1\" " + SVG
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xml:space=\"preserve\" xmlns:serif=\"http://www.serif.com/\""
                + " style=\"fill-rule:evenodd;clip-rule:evenodd;stroke-linejoin:round;stroke-miterlimit:2;\">"
                + "<g id=\"Calque1\" serif:id=\"Calque 1\"><circle cx=\"32\" cy=\"32\" r=\"30\" style=\"fill:#ffd500;\"/></g></svg>";
        for (String svg : new String[] {inkscape, illustrator, affinity,
                "\uFEFF<svg " + SVG + "><use href=\"#a\"/><rect id=\"a\" width=\"1\" height=\"1\"/></svg>"}) {
            assertThat(AssetType.sniff(svg.getBytes(StandardCharsets.UTF_8))).isEqualTo(AssetType.SVG);
        }
    }
}
