<!DOCTYPE html><html><head><title>${content.title!}</title></head><body><h1>${content.title!}</h1>[@cms.area name="main"/]</body></html>
