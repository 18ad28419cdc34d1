"""The evidence bundle checker's parts; verify_bundle.py is the front that runs them."""
