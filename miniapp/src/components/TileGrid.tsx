import { Image, Text, View } from '@tarojs/components';
import { iconUri, type IconName } from './icons';
import './TileGrid.scss';

export interface Tile {
  key: string;
  title: string;
  description: string;
  /** The line icon in the tile's badge. */
  icon: IconName;
  /** A count shown in red on the tile (e.g. '3', '99+'); nothing when null. */
  count?: string | null;
  onTap: () => void;
}

export interface TileGridProps {
  tiles: Tile[];
}

/** The service entrances of a home page, two to a row (more on a wide screen). */
export function TileGrid({ tiles }: TileGridProps) {
  return (
    <View className='tile-grid'>
      {tiles.map((tile) => (
        <View key={tile.key} className='tile-grid__tile' hoverClass='tile-grid__tile--pressed' onClick={tile.onTap}>
          <View className='tile-grid__glyph'>
            <Image className='tile-grid__icon' src={iconUri(tile.icon)} mode='aspectFit' aria-hidden />
            {tile.count ? (
              <Text className='tile-grid__count' aria-label={`${tile.count} 条未读`}>
                {tile.count}
              </Text>
            ) : null}
          </View>
          <Text className='tile-grid__title'>{tile.title}</Text>
          <Text className='tile-grid__description'>{tile.description}</Text>
        </View>
      ))}
    </View>
  );
}
