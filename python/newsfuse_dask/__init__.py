"""newsfuse on Dask distributed: map (parse, analyse, sketch) / shuffle
(blocking keys) / reduce (the single-machine clusterer per block of articles
that may belong together; briefings per story). python/README.md."""
