from generator.cli import main
import sys
sys.exit(main())
