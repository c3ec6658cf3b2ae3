from practice.cli.main import main

raise SystemExit(main())
