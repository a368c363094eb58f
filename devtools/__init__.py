"""Development tools: the benchmark and its data, the demo activity, the report's sample pages
and the screenshot maker. The only package allowed to import both the desk and the hub; the
desk never imports it statically (``aiguillage bench`` looks it up by name)."""
