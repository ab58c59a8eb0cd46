// Crawl primitives live here.
