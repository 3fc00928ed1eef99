<!doctype html><html><body><h1>${content.title!}</h1><p id="base">${ctx.publicUrl!}</p></body></html>
