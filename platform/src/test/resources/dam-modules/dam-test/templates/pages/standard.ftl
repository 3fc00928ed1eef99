<!DOCTYPE html><html lang="${lang}"><head><title>${content.title!}</title></head><body><main><h1>${content.title!}</h1>[@cms.area name="main"/]</main></body></html>
