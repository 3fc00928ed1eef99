<section><h2>${content.title!}</h2>${cmsfn.decode(content).text!}</section>
