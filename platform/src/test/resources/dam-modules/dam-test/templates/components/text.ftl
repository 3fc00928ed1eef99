<section>${cmsfn.decode(content).text!}</section>
