/* French texts of the rich-text editor (the parts of TinyMCE the back office shows). */
tinymce.addI18n('fr_FR', {
  'Block {0}': 'Type de paragraphe : {0}', 'Undo': 'Annuler', 'Redo': 'Rétablir', 'Bold': 'Gras', 'Italic': 'Italique', 'Blocks': 'Type de paragraphe',
  'Paragraph': 'Paragraphe', 'Heading 1': 'Titre 1', 'Heading 2': 'Titre 2', 'Heading 3': 'Titre 3', 'Heading 4': 'Titre 4',
  'Headings': 'Titres', 'Format': 'Format', 'Formats': 'Formats', 'Clear formatting': 'Effacer la mise en forme',
  'Bullet list': 'Liste à puces', 'Numbered list': 'Liste numérotée', 'Blockquote': 'Citation',
  'Insert/edit link': 'Insérer ou modifier un lien', 'Insert/Edit Link': 'Insérer ou modifier un lien', 'Link': 'Lien',
  'Remove link': 'Retirer le lien', 'Open link': 'Ouvrir le lien', 'URL': 'Adresse (URL)', 'Text to display': 'Texte affiché',
  'Title': 'Titre', 'Link list': 'Page ou fichier', 'None': 'Aucun', 'Link...': 'Lien…',
  'The URL you entered seems to be an external link. Do you want to add the required https:// prefix?':
    'L’adresse saisie semble être un lien externe. Ajouter le préfixe https:// nécessaire ?',
  'The URL you entered seems to be an email address. Do you want to add the required mailto: prefix?':
    'L’adresse saisie semble être une adresse e-mail. Ajouter le préfixe mailto: nécessaire ?',
  'Cancel': 'Annuler', 'Save': 'Enregistrer', 'Close': 'Fermer', 'Ok': 'OK', 'Yes': 'Oui', 'No': 'Non',
  'Table': 'Tableau', 'Insert table': 'Insérer un tableau', 'Table properties': 'Propriétés du tableau',
  'Delete table': 'Supprimer le tableau', 'Row': 'Ligne', 'Column': 'Colonne', 'Cell': 'Cellule',
  'Insert row before': 'Insérer une ligne avant', 'Insert row after': 'Insérer une ligne après',
  'Delete row': 'Supprimer la ligne', 'Row properties': 'Propriétés de la ligne', 'Cut row': 'Couper la ligne',
  'Copy row': 'Copier la ligne', 'Paste row before': 'Coller la ligne avant', 'Paste row after': 'Coller la ligne après',
  'Insert column before': 'Insérer une colonne avant', 'Insert column after': 'Insérer une colonne après',
  'Delete column': 'Supprimer la colonne', 'Cell properties': 'Propriétés de la cellule',
  'Merge cells': 'Fusionner les cellules', 'Split cell': 'Diviser la cellule', 'Caption': 'Légende',
  'Show caption': 'Afficher la légende', 'Rows': 'Lignes', 'Columns': 'Colonnes', 'Width': 'Largeur', 'Height': 'Hauteur',
  'Cell type': 'Type de cellule', 'Header cell': 'Cellule d’en-tête', 'Scope': 'Portée', 'Row type': 'Type de ligne',
  'Header': 'En-tête', 'Body': 'Corps', 'Footer': 'Pied', 'Header row': 'Ligne d’en-tête', 'Header column': 'Colonne d’en-tête',
  'Row group': 'Groupe de lignes', 'Column group': 'Groupe de colonnes', 'General': 'Général',
  '{0} columns, {1} rows': '{0} colonnes, {1} lignes', 'Image': 'Image',
  'Rich Text Area': 'Zone de texte enrichi', 'Rich Text Area. Press ALT-0 for help.': 'Zone de texte enrichi. Alt+0 pour l’aide.',
  'Press {0} for help': 'Appuyez sur {0} pour l’aide', 'Words: {0}': 'Mots : {0}',
  'Your browser doesn\'t support direct access to the clipboard. Please use the Ctrl+X/C/V keyboard shortcuts instead.':
    'Votre navigateur n’accède pas directement au presse-papiers : utilisez Ctrl+X/C/V.',
  'Text': 'Texte', 'Align': 'Alignement', 'Alignment': 'Alignement', 'More...': 'Plus…', 'Reveal or hide additional toolbar items': 'Afficher ou masquer plus de boutons',
  'Rich Text Area. Press ALT-F9 for menu. Press ALT-F10 for toolbar. Press ALT-0 for help':
    'Zone de texte enrichi. Alt+F10 pour la barre d’outils, Alt+0 pour l’aide.'
});
