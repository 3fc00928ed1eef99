<!DOCTYPE html><html lang="fr"><head><title>[#if item??]${item.title!}[#else]${content.title!}[/#if]</title></head>
<body><main>[#if item??]<article><h1>${item.title!}</h1>${cmsfn.decode(item).body!}</article>[#else]<h1>${content.title!}</h1>[/#if]</main></body></html>
