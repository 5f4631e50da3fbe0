import Foundation

print("clustertui-bench: placeholder")
