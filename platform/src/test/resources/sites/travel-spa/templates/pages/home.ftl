<!DOCTYPE html><html><body><h1>${content.title!}</h1><p id="site">${sitefn.site().name}</p></body></html>
