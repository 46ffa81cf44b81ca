import sys

from newsfuse_dask.cli import main

sys.exit(main())
