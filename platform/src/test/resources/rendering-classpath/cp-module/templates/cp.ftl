<p>from the class path: ${content.title}</p>
