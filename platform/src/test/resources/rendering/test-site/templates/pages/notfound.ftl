<h1 id="custom404">${content.title}</h1>
