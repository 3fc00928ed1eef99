<!doctype html><html><body><h1>${content.title!}</h1></body></html>
