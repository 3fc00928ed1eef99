<p>${content.nothing.deeper}</p>
