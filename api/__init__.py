"""dkg's faces: the FastAPI app and the `dkg` command line, thin over `graph`."""
