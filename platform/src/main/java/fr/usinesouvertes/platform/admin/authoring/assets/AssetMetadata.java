package fr.usinesouvertes.platform.admin.authoring.assets;

import fr.usinesouvertes.platform.admin.authoring.form.FieldKind;
import fr.usinesouvertes.platform.admin.authoring.form.Form;
import fr.usinesouvertes.platform.admin.authoring.form.FormField;
import fr.usinesouvertes.platform.admin.authoring.form.Option;
import fr.usinesouvertes.platform.admin.authoring.form.ValueType;
import fr.usinesouvertes.platform.rendering.FocalPoint;
import java.util.List;
import java.util.Map;

/**
 * The descriptive metadata of an asset, edited in the assets app through the generated forms and stored on
 * the {@code mgnl:asset} node as Magnolia's DAM names them: {@code title}, {@code caption} and
 * {@code copyright} (the credit), {@code language} (ISO 639-1 code of the file's content), plus
 * {@code alternative}, the text replacing an image for whoever cannot see it, and {@code focalPoint}, where an image's
 * subject is ({@link FocalPoint}). Title, alternative text and
 * caption are i18n fields ({@code title}, {@code title_en}, ...), like the site's other texts.
 */
public final class AssetMetadata {

    /** The languages a file can be in, as ISO 639-1 codes, with their French and English names. */
    static final List<String[]> LANGUAGES = List.of(new String[] {"fr", "Français", "French"},
            new String[] {"en", "Anglais", "English"}, new String[] {"de", "Allemand", "German"},
            new String[] {"es", "Espagnol", "Spanish"}, new String[] {"it", "Italien", "Italian"},
            new String[] {"nl", "Néerlandais", "Dutch"});

    private AssetMetadata() {
    }

    /** The form, labelled in the back office's language ({@code fr} or {@code en}). */
    public static Form form(String lang) {
        boolean en = "en".equals(lang);
        List<Option> languages = LANGUAGES.stream().map(l -> new Option(l[0], en ? l[2] : l[1])).toList();
        return new Form(en ? "File details" : "Description du fichier", List.of(
                text("title", en ? "Title" : "Titre", en
                        ? "Shown as the file's name on the site (download links, lists)."
                        : "Affiché comme nom du fichier sur le site (liens de téléchargement, listes).", true, 200, 1),
                text("alternative", en ? "Alternative text" : "Texte alternatif", en
                        ? "For images: what the image shows, read to those who cannot see it. Leave empty for a decorative image."
                        : "Pour les images : ce que montre l'image, lu à qui ne la voit pas. Laissez vide pour une image décorative.",
                        true, 250, 2),
                text("caption", en ? "Caption" : "Légende", en
                        ? "Shown under the image where the site shows captions."
                        : "Affichée sous l'image là où le site montre les légendes.", true, 500, 2),
                text("copyright", en ? "Credit / copyright" : "Crédit / droits", en
                        ? "E.g. “© Colas – photo J. Martin”; shown with the caption."
                        : "Par exemple « © Colas – photo J. Martin » ; affiché avec la légende.", false, 200, 1),
                new FormField("focalPoint", FieldKind.TEXT, en ? "Focal point" : "Point d'intérêt", en
                        ? "For images: where the subject is, kept in view when the site crops the image. Click the image "
                        + "above, or type two percentages from the left and from the top, e.g. “30 65”. Empty: the middle."
                        : "Pour les images : où se trouve le sujet, gardé visible quand le site recadre l'image. Cliquez "
                        + "sur l'image ci-dessus, ou tapez deux pourcentages depuis la gauche et depuis le haut, par exemple "
                        + "« 30 65 ». Vide : le centre.", false, false, 20, 1, false, ValueType.STRING, List.of(), null,
                        null, List.of(), Map.of(), FocalPoint.FORMAT, false,
                        "Deux pourcentages de 0 à 100, par exemple « 30 65 ».", null),
                new FormField("language", FieldKind.SELECT, en ? "Language of the file" : "Langue du fichier",
                        en ? "The language of the document's text (PDF), if any." : "La langue du texte du document (PDF), s'il y en a.",
                        false, false, null, 1, false, ValueType.STRING, languages, null, null, List.of(), Map.of(),
                        null, false, null, null)));
    }

    private static FormField text(String name, String label, String description, boolean i18n, int maxLength, int rows) {
        return new FormField(name, FieldKind.TEXT, label, description, i18n, false, maxLength, rows, false,
                ValueType.STRING, List.of(), null, null, List.of(), Map.of(), null, false, null, null);
    }
}
