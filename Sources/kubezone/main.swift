import Foundation
import KubeZone

// The executable only maps arguments to one library call and its result to
// an exit code; everything else lives in KubeZone.
exit(CommandLine.run(Array(CommandLine.arguments.dropFirst())))
