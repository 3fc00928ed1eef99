<html><body><p id="page">${content["@id"]}</p><p id="area">${content.main["@id"]}</p>[@cms.area name="main"/]</body></html>
